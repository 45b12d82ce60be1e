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
