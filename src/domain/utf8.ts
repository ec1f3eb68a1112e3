/** The bytes a string takes in UTF-8, as browsers count a request body or a form value. */
export const utf8Length = (text: string): number => new TextEncoder().encode(text).length;
