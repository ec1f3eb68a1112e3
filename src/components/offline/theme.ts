/** Theme colours of the installed app: the brand colour of the icon, and the header backgrounds of the light and dark themes. */
export const THEME = { brand: '#0b6e6e', light: '#ffffff', dark: '#171e26' } as const;
