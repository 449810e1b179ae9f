/** Types of alloc-meter.mjs: each call returns what was allocated since the previous one (or the start). */
export function allocationMeter(): () => { bytes: number; collections: number };
