import { describe, expect, it } from 'vitest';
import { interpretKey, type KeyPress } from '../../src/domain/present/keys.ts';

const press = (key: string, extra: Partial<KeyPress> = {}) => interpretKey({ key, ...extra }, '');

describe('interpretKey', () => {
  it.each([
    ['ArrowRight', 'next'],
    [' ', 'next'],
    ['PageDown', 'next'],
    ['ArrowDown', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['ArrowUp', 'previous'],
    ['Home', 'first'],
    ['End', 'last'],
    ['f', 'fullscreen'],
    ['F', 'fullscreen'],
    ['b', 'blackout'],
    ['B', 'blackout'],
    ['.', 'blackout'],
    ['o', 'overview'],
    ['s', 'presenter'],
    ['a', 'activity'],
    ['r', 'reset'],
    ['Escape', 'escape'],
  ])('%j means %s', (key, type) => {
    expect(press(key)).toEqual({ command: { type }, buffer: '', handled: true });
  });

  it('goes back with Shift+Space, as slide software does', () => {
    expect(press(' ', { shiftKey: true }).command).toEqual({ type: 'previous' });
  });

  it('leaves keys with Ctrl, Cmd or Alt to the browser, so Ctrl+P still prints', () => {
    expect(press('p', { ctrlKey: true })).toEqual({ buffer: '', handled: false });
    expect(press('ArrowRight', { altKey: true }).handled).toBe(false);
    expect(press('f', { metaKey: true }).handled).toBe(false);
  });

  it('leaves unknown keys alone and keeps the digits typed so far', () => {
    expect(interpretKey({ key: 'x' }, '1')).toEqual({ buffer: '1', handled: false });
    expect(interpretKey({ key: 'Tab' }, '')).toEqual({ buffer: '', handled: false });
  });

  it('jumps to a typed number on Enter', () => {
    let result = interpretKey({ key: '1' }, '');
    result = interpretKey({ key: '2' }, result.buffer);
    expect(result).toEqual({ buffer: '12', handled: true });
    expect(interpretKey({ key: 'Enter' }, result.buffer)).toEqual({ command: { type: 'goto', number: 12 }, buffer: '', handled: true });
  });

  it('corrects a typed number with Backspace and drops it with Esc', () => {
    expect(interpretKey({ key: 'Backspace' }, '12')).toEqual({ buffer: '1', handled: true });
    expect(interpretKey({ key: 'Escape' }, '12')).toEqual({ buffer: '', handled: true });
  });

  it('runs the slide activity on Enter with nothing typed, and on 0 then Enter', () => {
    expect(interpretKey({ key: 'Enter' }, '')).toEqual({ command: { type: 'activity' }, buffer: '', handled: true });
    expect(interpretKey({ key: 'Enter' }, '0').command).toEqual({ type: 'activity' });
  });

  it('stops taking digits after three', () => {
    expect(interpretKey({ key: '4' }, '123').buffer).toBe('123');
  });

  it('forgets a half-typed number when another command comes', () => {
    expect(interpretKey({ key: 'ArrowRight' }, '4')).toEqual({ command: { type: 'next' }, buffer: '', handled: true });
  });
});
