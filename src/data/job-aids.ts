import { getCollection } from 'astro:content';
import type { JobAid } from '../schemas/job-aid.ts';

/** Every job aid, in the order the list of cards shows them. */
export async function loadJobAids(): Promise<JobAid[]> {
  return (await getCollection('jobAids')).map(({ data }) => data).sort((a, b) => a.order - b.order);
}

/** The job aids that summarise a lesson: the cards whose `lessons` name it. */
export async function jobAidsForLesson(lessonId: string): Promise<JobAid[]> {
  return (await loadJobAids()).filter((aid) => aid.lessons.includes(lessonId));
}
