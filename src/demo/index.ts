export { seedDemo, demoProcedures } from './demo.seed';
