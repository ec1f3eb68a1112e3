export { textFrom, type Text } from '../../i18n/island-strings.ts';
