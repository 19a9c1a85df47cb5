// Stands in for `server-only` under Vitest, which runs lib/ outside a React server environment.
export {};
