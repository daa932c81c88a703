/** @type {import('jest').Config} */
module.exports = require('../../tooling/jest/preset.cjs')();
