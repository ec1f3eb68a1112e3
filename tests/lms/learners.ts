import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDir, WWWROOT } from './moodle.ts';

/** The learners of the suite: Moodle users with a username, an ID number and a Chinese name. */
export const LEARNERS = [
  { username: 'stu-a', password: 'Learner-pass-1', firstname: '小明', lastname: '王', idnumber: 'E1001' },
  { username: 'stu-b', password: 'Learner-pass-1', firstname: '娜', lastname: '李', idnumber: 'E1002' },
  { username: 'stu-c', password: 'Learner-pass-1', firstname: '伟', lastname: '张', idnumber: 'E1003' },
] as const;
export type Learner = (typeof LEARNERS)[number];

export const COURSE_FILE = 'course.json';

export interface Course {
  courseid: number;
  scorm12: { cmid: number; scormid: number };
  scorm2004: { cmid: number; scormid: number };
  users: Record<string, number>;
}

export const course = (): Course => JSON.parse(readFileSync(join(runDir(), COURSE_FILE), 'utf8')) as Course;
export const URL = WWWROOT;
