-- Leading comments are not part of the statement that follows.
/* Neither are block comments; even with semicolons; */
INSERT INTO notes (body) VALUES ('a;b'), ('c -- not a comment'), ('it''s; fine'), ('/* not a comment');

SELECT "odd;name", "say ""hi"";" FROM notes; -- a trailing comment belongs to nothing
SELECT 1 -- a comment inside a statement; kept
     + 2 /* another; kept */
     ;
;;
-- only a comment
;
  SELECT 'last statement without a delimiter'
