// Nothing here but a comment.
