// expect: none
// Async functions whose whole body is in try/catch (the catch handles, never rethrows): their promise cannot reject.
import { useEffect, useState } from 'react';
import axios from 'axios';

export function Courses({ courseId }: { courseId: string }) {
  const [courses, setCourses] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = async () => {
      try {
        const { data } = await axios.get(`/api/courses/${courseId}`);
        setCourses(data);
      } catch {
        setError('Could not load the courses');
      }
    };
    load();
  }, [courseId]);

  const onSubmit = async (values: { url: string }) => {
    try {
      await axios.post(`/api/courses/${courseId}/attachments`, values);
    } catch (e) {
      setError(String(e));
    } finally {
      console.log('submitted');
    }
  };

  return <input onChange={(e) => { if (e.target.value) onSubmit({ url: e.target.value }); }} title={error ?? courses.join(', ')} />;
}

export class Monitor {
  async beat(): Promise<void> {
    await axios.get('/heartbeat');
  }

  async safeBeat(): Promise<void> {
    try {
      await this.beat();
    } catch (e) {
      console.trace(e);
    }
  }

  start(): void {
    this.safeBeat();
    setTimeout(() => {
      this.safeBeat();
    }, 1000);
  }
}
