// The components a lesson's MDX gets when it is presented in class: the lesson's own map, with
// trainer notes turned into speaker notes and each activity swapped for its class form. Anything
// a writer adds to the lesson map (diagrams, widgets) shows on the slides as it is.
import { mdxComponents } from '../lesson/mdx-components.ts';
import ClassAssessment from './ClassAssessment.astro';
import ClassLtvCalculator from './ClassLtvCalculator.astro';
import ClassQuiz from './ClassQuiz.astro';
import ClassScenario from './ClassScenario.astro';
import SpeakerNotes from './SpeakerNotes.astro';

export const presentComponents = {
  ...mdxComponents,
  Notes: SpeakerNotes,
  Quiz: ClassQuiz,
  Scenario: ClassScenario,
  Assessment: ClassAssessment,
  LtvCalculator: ClassLtvCalculator,
};
