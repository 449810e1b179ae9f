export { seedDemo, demoProcedures } from './demo.seed';
export { writeDemoHistory, DEMO_HISTORY_PER_DAY, type DemoHistoryDeps, type DemoHistoryOptions, type DemoHistoryResult } from './demo.history';
export { DEMO_PASSWORD } from './demo.data';
