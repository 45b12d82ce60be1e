// expect: none
"use strict";
// Compiled by tsc from util.ts: the types live in the source, not in this output.
Object.defineProperty(exports, "__esModule", { value: true });
exports.ucfirst = exports.sleep = void 0;
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
exports.sleep = sleep;
function ucfirst(str) {
    return str ? str.charAt(0).toUpperCase() + str.slice(1) : str;
}
exports.ucfirst = ucfirst;
