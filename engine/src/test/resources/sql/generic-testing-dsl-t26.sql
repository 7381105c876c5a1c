INSERT INTO users VALUES (1, 'A', 'a');
INSERT INTO users VALUES (2, 'B', 'b');
SELECT count(*) FROM users;
