// Stands in for `server-only` under Vitest: that package throws outside a React Server Components build,
// and the data layer is tested directly in Node.
export {};
