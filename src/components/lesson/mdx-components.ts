// The components a lesson's MDX may use without importing them. Interactive pieces are Astro
// wrappers that hydrate a Svelte island inside, so MDX authors never write client directives.
import Quiz from '../activities/Quiz.astro';
import Scenario from '../scenario/Scenario.astro';
import Notes from './Notes.astro';

export const mdxComponents = {
  Notes,
  Quiz,
  Scenario,
};
