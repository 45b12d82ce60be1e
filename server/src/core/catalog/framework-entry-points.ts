/**
 * Exports a framework calls by their name, with arguments whose types the framework defines: Next.js route
 * handlers and data functions, Remix and React Router loaders and actions, Next.js middleware, and the `up` and
 * `down` of Sequelize and Knex migrations and seeders. Their parameters need no documentation of their own.
 */
export const frameworkEntryPoints: ReadonlySet<string> = new Set([
  'GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'middleware', 'getServerSideProps', 'getStaticProps',
  'getStaticPaths', 'generateMetadata', 'generateStaticParams', 'generateViewport', 'loader', 'action', 'clientLoader', 'clientAction', 'meta', 'headers',
  'up', 'down',
]);

/**
 * Exports a library calls by the shape of their parameter list, whatever their name, each parameter matched on its
 * source text: a Redux or `useReducer` reducer, `(state = initialState, action)`, which the store calls with the
 * state and the dispatched action; and a Sequelize model definer, `(sequelize, DataTypes)`, which a models loader
 * (`sequelize-cli`'s `models/index.js`, `sequelize.import`) calls with the instance and the data types.
 */
export const frameworkCallbackSignatures: readonly (readonly RegExp[])[] = [
  [/^(\w*state\b|\w+\s*=)/i, /^action$/],
  [/^sequelize$/i, /^(DataTypes|Sequelize)$/],
];
