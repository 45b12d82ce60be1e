// expect: none
// A route whose options declare a body schema: Fastify validates the body with Ajv before the handler runs, and
// the schema lists the fields a client may send.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const CreateTask = Type.Object({ name: Type.String(), assignedUserId: Type.Optional(Type.Number()) }, { additionalProperties: false });
const UpdateTask = Type.Object({ name: Type.Optional(Type.String()) }, { additionalProperties: false });

const tasks: FastifyPluginAsyncTypebox = async (fastify) => {
  const { tasksRepository } = fastify;

  fastify.post('/', { schema: { body: CreateTask, tags: ['Tasks'] } }, async function (request, reply) {
    const task = { ...request.body, authorId: request.session.user.id, status: 'new' };
    const id = await tasksRepository.create(task);
    reply.code(201);
    return { id };
  });

  fastify.patch('/:id', { schema: { params: Type.Object({ id: Type.Number() }), body: UpdateTask } }, async (request) => {
    return tasksRepository.update(request.params.id, request.body);
  });
};

export default tasks;
