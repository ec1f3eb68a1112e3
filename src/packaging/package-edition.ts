import { type Script } from '../i18n/editions.ts';
import { convertHtml } from '../integrations/hant/convert-html.ts';
import { hantConverter } from '../integrations/hant/convert-text.ts';
import { editionSite } from './edition-site.ts';
import { packageCourse, type PackageOptions, type PackageResult } from './package-course.ts';

/**
 * The LMS packages of one script edition of a built site: the edition laid out as a site of its
 * own (`editionSite`), and for Traditional the package's own launch page and scripts converted
 * by the same converter as the site.
 */
export async function packageEdition(options: Omit<PackageOptions, 'convertPackage'> & { script: Script }): Promise<PackageResult> {
  const { script, dist, ...rest } = options;
  const site = editionSite(dist, script);
  try {
    if (script === 'hans') return await packageCourse({ ...rest, dist: site.dir });
    const convert = hantConverter();
    return await packageCourse({
      ...rest,
      dist: site.dir,
      convertPackage: (path, text) => (path.endsWith('.html') ? convertHtml(text, { convert, url: (url) => url }) : convert(text)),
    });
  } finally {
    site.remove();
  }
}
