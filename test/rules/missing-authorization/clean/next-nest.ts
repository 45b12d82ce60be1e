// expect: none
import { NextResponse } from 'next/server';
import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';
import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { RolesGuard } from './roles.guard';

export async function DELETE(_request: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  if (!session?.user) return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  await prisma.invoice.delete({ where: { id: params.id, userId: session.user.id } });
  return new NextResponse(null, { status: 204 });
}

export async function GET(_request: Request, { params }: { params: { id: string } }) {
  const session = await auth();
  const document = await prisma.document.findUnique({ where: { id: params.id } });
  if (document?.ownerId !== session?.user?.id) return NextResponse.json({ error: 'not found' }, { status: 404 });
  return NextResponse.json(document);
}

@Controller('reports')
@UseGuards(AuthGuard('jwt'), RolesGuard)
export class ReportsController {
  constructor(private readonly prisma: PrismaService) {}

  @Get(':id')
  find(@Param('id') id: string) {
    return this.prisma.report.findUnique({ where: { id } });
  }
}

declare class PrismaService {
  report: { findUnique(args: unknown): Promise<unknown> };
}
