import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScormVersion } from '../domain/scorm/cmi.ts';

/**
 * The XML Schema files each package's manifest names in `xsi:schemaLocation`, with the files they
 * include and import, shipped at the package root beside `imsmanifest.xml` as ADL's conformance
 * test suite expects. They live in `src/packaging/schemas/<scorm12|scorm2004>/`, exactly as ADL
 * and IMS publish them (freely redistributable):
 *
 * - SCORM 1.2: IMS Content Packaging 1.1.2 (`imscp_rootv1p1p2.xsd`), IMS Meta-data 1.2.1
 *   (`imsmd_rootv1p2p1.xsd`), the ADL SCORM 1.2 extensions (`adlcp_rootv1p2.xsd`) and the `xml:`
 *   attributes they import (`ims_xml.xsd`), as in ADL's SCORM 1.2 packages.
 * - SCORM 2004 4th Edition: IMS CP 1.1.4 (`imscp_v1p1.xsd`), `adlcp_v1p3.xsd`, `adlseq_v1p3.xsd`,
 *   `adlnav_v1p3.xsd`, IMS Simple Sequencing (`imsss_v1p0.xsd` and the nine files it includes),
 *   and W3C's `xml.xsd` with the DTDs it names (`XMLSchema.dtd`, `datatypes.dtd`), from ADL's
 *   SCORM 2004 4th Edition Sample Run-Time Environment (github.com/adlnet/SCORM-2004-4ed-SampleRTE,
 *   `xml/xsd/`). The LOM meta-data schemas are left out: the manifest carries no LOM meta-data.
 *
 * The manifests (`manifest.ts`) name these files; the SCORM e2e validates each built manifest
 * against the schemas inside its zip with `xmllint`.
 */
export function schemaFiles(root: string, version: ScormVersion): Record<string, Uint8Array> {
  const dir = join(root, 'src/packaging/schemas', version === '1.2' ? 'scorm12' : 'scorm2004');
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]),
  );
}
