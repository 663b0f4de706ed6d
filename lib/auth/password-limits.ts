/** Password length limits, the same for sign-in, registration, change and reset (characters). */
export const MAX_PASSWORD_LENGTH = 200;
export const MIN_PASSWORD_LENGTH = 10;
