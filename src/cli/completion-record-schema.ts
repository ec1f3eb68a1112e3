// `npm run schema`: writes src/schemas/completion-record.schema.json, the published JSON Schema of
// the completion record, generated from its zod schema (src/schemas/completion-record.ts) and
// formatted as the repository formats JSON. Run it after changing the record's shape; a unit test
// fails while the committed file says anything else.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { completionRecordJsonSchema } from '../schemas/completion-record.ts';

const file = join(process.cwd(), 'src/schemas/completion-record.schema.json');
const options = (await resolveConfig(file)) ?? {};
writeFileSync(file, await format(JSON.stringify(completionRecordJsonSchema()), { ...options, filepath: file }));
console.log(`wrote ${file}`);
