import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const tasks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { tasksRepository } = fastify;

  // The schema covers the response only: the body reaches the write as the client sent it.
  fastify.post('/', { schema: { response: { 201: Type.Object({ id: Type.Number() }) } } }, async function (request, reply) {
    const task = { ...request.body, status: 'new' };
    const id = await tasksRepository.create(task); // expect: mass-assignment:45
    reply.code(201);
    return { id };
  });

  fastify.patch('/:id', { schema: { params: Type.Object({ id: Type.Number() }) } }, async (request) => {
    return tasksRepository.update(request.params.id, request.body); // expect: mass-assignment:54
  });
};

export default tasks;
