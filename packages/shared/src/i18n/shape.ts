/**
 * The shape every language's catalogue must have: the English catalogue's keys, each a string (an
 * ICU message). A translation that lacks a key, or has one English does not, fails to compile.
 */
export type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
