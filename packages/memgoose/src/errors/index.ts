export * from './base.js'
export * from './validation.js'
