import { describe, expect, it } from 'vitest';
import { initialSlideshowState } from '../../src/domain/present/slideshow-state.ts';
import { channelName, parseSlideshowMessage } from '../../src/domain/present/sync-message.ts';
import { hashForSlide, slideFromHash } from '../../src/domain/present/slide-hash.ts';

describe('parseSlideshowMessage', () => {
  const state = {
    ...initialSlideshowState(3, 1000),
    revealed: [2],
    roleplays: { '4': ['a/b'] },
    timers: { t0: { running: true, accumulatedMs: 5, since: 900 } },
  };

  it('takes a well-formed state as it is', () => {
    expect(parseSlideshowMessage({ kind: 'state', state }, 10)).toEqual({ kind: 'state', state });
    expect(parseSlideshowMessage({ kind: 'hello' }, 10)).toEqual({ kind: 'hello' });
  });

  it('survives the structured clone a BroadcastChannel makes', () => {
    expect(parseSlideshowMessage(structuredClone({ kind: 'state', state }), 10)).toEqual({ kind: 'state', state });
  });

  it('clamps a slide beyond this window’s presentation', () => {
    expect(parseSlideshowMessage({ kind: 'state', state: { ...state, slide: 40 } }, 10)).toMatchObject({ state: { slide: 9 } });
  });

  it('drops messages it does not understand', () => {
    expect(parseSlideshowMessage(null, 10)).toBeUndefined();
    expect(parseSlideshowMessage('hello', 10)).toBeUndefined();
    expect(parseSlideshowMessage({ kind: 'state' }, 10)).toBeUndefined();
    expect(parseSlideshowMessage({ kind: 'state', state: { ...state, slide: '3' } }, 10)).toBeUndefined();
    expect(parseSlideshowMessage({ kind: 'state', state: { ...state, talk: null } }, 10)).toBeUndefined();
  });

  it('drops malformed clocks and choices but keeps the rest', () => {
    const message = parseSlideshowMessage(
      { kind: 'state', state: { ...state, timers: { t0: { running: 'yes' }, t1: state.talk }, roleplays: { '4': ['a/b', 7] } } },
      10,
    );
    expect(message).toMatchObject({ state: { timers: { t1: state.talk }, roleplays: { '4': ['a/b'] } } });
    expect(message?.kind === 'state' && 't0' in message.state.timers).toBe(false);
  });

  it('gives each presentation its own channel', () => {
    expect(channelName('a')).not.toBe(channelName('module/a'));
  });
});

describe('slide numbers in the URL', () => {
  it('reads 1-based slide numbers', () => {
    expect(slideFromHash('#1', 5)).toBe(0);
    expect(slideFromHash('#5', 5)).toBe(4);
    expect(slideFromHash('#/3', 5)).toBe(2);
  });

  it('ignores hashes that name no slide', () => {
    expect(slideFromHash('', 5)).toBeUndefined();
    expect(slideFromHash('#0', 5)).toBeUndefined();
    expect(slideFromHash('#6', 5)).toBeUndefined();
    expect(slideFromHash('#intro', 5)).toBeUndefined();
  });

  it('round-trips', () => {
    for (let i = 0; i < 30; i++) expect(slideFromHash(hashForSlide(i), 30)).toBe(i);
  });
});
