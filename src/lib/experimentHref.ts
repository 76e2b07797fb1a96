// Where a teacher's-guide experiment link points on this site: its lesson's page under the
// site's base path (the catalogue itself is src/experiments/guide/links.ts).
import { experimentLink, type Experiment, type ExperimentLink } from '../experiments/guide/links';
import { lessonPath } from './course';
import { joinBase } from './url';

/** The link for one of an experiment's settings, as a path under `base`; `order` lists the console's keys. */
export function experimentHref(experiment: Experiment, link: ExperimentLink, base: string, order: readonly string[] = []): string {
  return experimentLink(experiment, link, joinBase(base, lessonPath(experiment.target.lesson)), order);
}
