// expect: none
// The course is looked up by its id and the signed-in user first (404 otherwise); the chapter taken by id
// afterwards hangs off a course the user owns.
import { NextResponse } from 'next/server';
import { auth } from '@clerk/nextjs/server';
import { db } from '@/lib/db';

export async function PATCH(req: Request, { params }: { params: { courseId: string; chapterId: string } }) {
  const { userId } = auth();
  if (!userId) return new NextResponse('Unauthorized', { status: 401 });
  const ownCourse = await db.course.findUnique({ where: { id: params.courseId, userId } });
  if (!ownCourse) return new NextResponse('Not found', { status: 404 });
  const { isPublished, ...values } = await req.json();
  const chapter = await db.chapter.update({ where: { id: params.chapterId, courseId: params.courseId }, data: { ...values } });
  return NextResponse.json(chapter);
}
