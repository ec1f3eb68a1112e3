// The components a lesson's MDX may use without importing them. Interactive pieces are Astro
// wrappers that hydrate a Svelte island inside, so MDX authors never write client directives.
import Assessment from '../activities/Assessment.astro';
import Quiz from '../activities/Quiz.astro';
import InfluenceSources from '../diagrams/InfluenceSources.astro';
import NeedsPyramid from '../diagrams/NeedsPyramid.astro';
import ProcessMap from '../diagrams/ProcessMap.astro';
import ServiceCycle from '../diagrams/ServiceCycle.astro';
import ServiceFlower from '../diagrams/ServiceFlower.astro';
import StyleQuadrants from '../diagrams/StyleQuadrants.astro';
import ValueLadder from '../diagrams/ValueLadder.astro';
import Scenario from '../scenario/Scenario.astro';
import LtvCalculator from '../widgets/LtvCalculator.astro';
import Case from './Case.astro';
import ClassTimer from './ClassTimer.astro';
import Notes from './Notes.astro';

export const mdxComponents = {
  Assessment,
  Case,
  ClassTimer,
  InfluenceSources,
  LtvCalculator,
  NeedsPyramid,
  Notes,
  ProcessMap,
  Quiz,
  Scenario,
  ServiceCycle,
  ServiceFlower,
  StyleQuadrants,
  ValueLadder,
};
