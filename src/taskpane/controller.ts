/**
 * The task pane's view of the controller contract and status types. They live below both hosts
 * (src/layout/pane-contract.ts, src/layout/status.ts) so that src/excel and src/xlsx implement them
 * without importing from the pane; the pane keeps importing them from here.
 */
export type * from '../layout/pane-contract';
export type * from '../layout/status';
