// The components a lesson's MDX may use without importing them. Interactive pieces are Astro
// wrappers that hydrate a Svelte island inside, so MDX authors never write client directives.
import Assessment from '../activities/Assessment.astro';
import Quiz from '../activities/Quiz.astro';
import Notes from './Notes.astro';

export const mdxComponents = {
  Assessment,
  Notes,
  Quiz,
};
