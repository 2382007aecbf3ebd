export { combineStatements, returnedRows, type SqlPart } from '../database/sql-kit.js';
