declare const phiBrand: unique symbol;

/**
 * Marks a value as protected health information. `Phi<string>` is still a string to the
 * compiler; eslint-plugin-phi treats every value whose type is or contains `Phi<…>` as PHI.
 */
export type Phi<T> = T & { readonly [phiBrand]: 'phi' };
