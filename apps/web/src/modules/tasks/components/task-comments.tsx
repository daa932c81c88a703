'use client';

import type { Comment } from '@teamflow/contracts/comments';
import { can, type Role } from '@teamflow/contracts/permissions';
import { useState } from 'react';
import { useHighlighted } from '@/modules/realtime/highlights';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { WatchButton } from '@/modules/notifications/components/watch-button';
import { Button } from '@/modules/ui/components/button';
import { ShowMoreButton } from '@/modules/ui/components/show-more-button';
import { useCommentMutations, useComments } from '../hooks/use-comments';

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const textareaClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-indigo-500 focus:outline-none dark:border-slate-600 dark:bg-slate-900';

interface TaskCommentsProps {
  taskId: string;
  workspaceId: string;
  role: Role | undefined;
  userId: string | undefined;
}

export function TaskComments({ taskId, workspaceId, role, userId }: TaskCommentsProps) {
  const comments = useComments(taskId);
  const { add } = useCommentMutations(taskId);
  const [draft, setDraft] = useState('');
  const canComment = role ? can(role, 'comment.create') : false;
  const thread = { taskId, workspaceId, role, userId };

  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id="comments-heading" className="text-sm font-semibold">
          Comments
        </h3>
        <WatchButton taskId={taskId} />
      </div>
      {comments.data && comments.items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No comments yet.</p>
      ) : null}
      <CommentList comments={comments.items} {...thread} />
      <ShowMoreButton feed={comments}>Show newer comments</ShowMoreButton>
      {comments.posted.length > 0 ? (
        // What this person just posted, after the newer comments not read yet (the button reads them).
        <CommentList comments={comments.posted} {...thread} />
      ) : null}
      {canComment ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!draft.trim()) return;
            add.mutate(draft, { onSuccess: () => setDraft('') });
          }}
        >
          <MarkdownEditor
            workspaceId={workspaceId}
            label="New comment"
            labelHidden
            rows={3}
            value={draft}
            onChange={setDraft}
            placeholder="Write a comment (Markdown, @ to mention)"
            textareaClassName={textareaClass}
          />
          <div className="flex justify-end">
            <Button type="submit" disabled={add.isPending || !draft.trim()}>
              Comment
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function CommentList({ comments, ...thread }: TaskCommentsProps & { comments: Comment[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {comments.map((comment) => (
        <CommentItem key={comment.id} comment={comment} {...thread} />
      ))}
    </ul>
  );
}

function CommentItem({
  taskId,
  workspaceId,
  comment,
  role,
  userId,
}: TaskCommentsProps & { comment: Comment }) {
  const { edit, remove } = useCommentMutations(taskId);
  const [editing, setEditing] = useState<string>();
  const own = comment.author.id === userId;
  const mayEdit = role ? can(role, 'comment.update', own) : false;
  const mayDelete = role ? can(role, 'comment.delete', own) : false;
  const live = useHighlighted(comment.id);

  return (
    <li
      aria-label={`Comment by ${comment.author.name}`}
      data-live-updated={live || undefined}
      className={`rounded-md border p-3 transition-colors ${live ? 'border-amber-400 bg-amber-50 dark:bg-amber-950' : 'border-slate-200 dark:border-slate-700'}`}
    >
      <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">
        <span className="font-medium text-slate-700 dark:text-slate-300">{comment.author.name}</span> ·{' '}
        {timeFormat.format(new Date(comment.createdAt))}
        {comment.editedAt ? ' · edited' : ''}
      </p>
      {editing === undefined ? (
        <MarkdownView source={comment.body} workspaceId={workspaceId} className="text-sm" />
      ) : (
        <MarkdownEditor
          workspaceId={workspaceId}
          label="Edit comment"
          labelHidden
          rows={3}
          value={editing}
          onChange={setEditing}
          textareaClassName={textareaClass}
        />
      )}
      <div className="mt-2 flex justify-end gap-1">
        {editing !== undefined ? (
          <>
            <Button variant="ghost" onClick={() => setEditing(undefined)}>
              Cancel
            </Button>
            <Button
              disabled={edit.isPending || !editing.trim()}
              onClick={() =>
                edit.mutate({ id: comment.id, body: editing }, { onSuccess: () => setEditing(undefined) })
              }
            >
              Save comment
            </Button>
          </>
        ) : (
          <>
            {mayEdit ? (
              <Button variant="ghost" onClick={() => setEditing(comment.body)}>
                Edit
              </Button>
            ) : null}
            {mayDelete ? (
              <Button
                variant="ghost"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm('Delete this comment?')) remove.mutate(comment.id);
                }}
              >
                Delete
              </Button>
            ) : null}
          </>
        )}
      </div>
    </li>
  );
}
