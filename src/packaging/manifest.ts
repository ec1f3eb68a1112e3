import type { ScormVersion } from '../domain/scorm/cmi.ts';

/**
 * `imsmanifest.xml` for the package: one organisation with one item, the whole course as a single
 * SCO launched at `scorm/launch.html`, and every file of the package listed under its resource.
 *
 * SCORM 1.2: IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extensions (adlcp_rootv1p2).
 * SCORM 2004 4th Edition: IMS CP 1.1.4 with adlcp_v1p3, adlseq_v1p3, adlnav_v1p3 and imsss. The
 * item's delivery controls say the content sets completion and success itself, so an LMS does
 * not mark the course completed merely because it was opened and closed; the LMS's own
 * previous/continue buttons are hidden, since there is no second SCO to go to.
 */

export interface ManifestInput {
  version: ScormVersion;
  /** The course id: the manifest's identifier is made from it. */
  courseId: string;
  title: string;
  /** The launch page, relative to the package root. */
  launch: string;
  /** Every file of the package (relative paths, forward slashes), the manifest itself excepted. */
  files: readonly string[];
  /** Package version, e.g. the package.json version. */
  packageVersion: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A file href: URL-encoded where a path segment needs it, slashes kept. */
const href = (path: string): string => escapeXml(path.split('/').map(encodeURIComponent).join('/'));

export function manifestXml(input: ManifestInput): string {
  const id = `${input.courseId}-scorm${input.version === '1.2' ? '12' : '2004'}`;
  const title = escapeXml(input.title);
  const files = [...input.files]
    .sort()
    .map((f) => `      <file href="${href(f)}"/>`)
    .join('\n');
  if (input.version === '1.2') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(id)}" version="${escapeXml(input.packageVersion)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${escapeXml(input.courseId)}">
    <organization identifier="org-${escapeXml(input.courseId)}">
      <title>${title}</title>
      <item identifier="item-${escapeXml(input.courseId)}" identifierref="sco-${escapeXml(input.courseId)}" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${escapeXml(input.courseId)}" type="webcontent" adlcp:scormtype="sco" href="${href(input.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(id)}" version="${escapeXml(input.packageVersion)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-${escapeXml(input.courseId)}">
    <organization identifier="org-${escapeXml(input.courseId)}" structure="hierarchical">
      <title>${title}</title>
      <item identifier="item-${escapeXml(input.courseId)}" identifierref="sco-${escapeXml(input.courseId)}" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${escapeXml(input.courseId)}" type="webcontent" adlcp:scormType="sco" href="${href(input.launch)}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
