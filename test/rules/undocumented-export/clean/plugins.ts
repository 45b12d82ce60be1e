// expect: none
import type { FastifyPluginAsync } from 'fastify';
import type { FC } from 'react';
import type { Handler } from './types';

// Each function takes its parameters' types from the type declared for it.
const plugin: FastifyPluginAsync = async (fastify, opts) => {
  fastify.get('/', async () => ({ ok: true, prefix: opts.prefix }));
};

export const Title: FC<{ text: string }> = ({ text }) => text.toUpperCase() as unknown as null;

export const onEvent = ((event) => event.name) satisfies Handler;

export const onOther = (async (event) => event.id) as Handler;

export default plugin;
