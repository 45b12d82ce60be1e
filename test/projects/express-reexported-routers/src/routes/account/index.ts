// expect: none
export { default as accountRouter } from './router';
