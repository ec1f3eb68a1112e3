/** A plain deep copy of JSON data (drops Svelte's state proxies before a value enters the progress log). */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
