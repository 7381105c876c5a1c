/*!40101 SET NAMES utf8mb4 */;
# hash comments; are comments
CREATE TABLE `t;1` (`a` int, `b` varchar(20) DEFAULT 'it\'s;');

DELIMITER ;;
CREATE TRIGGER `t_bi` BEFORE INSERT ON `t;1` FOR EACH ROW
BEGIN
  IF NEW.a < 0 THEN
    SET NEW.a = 0;
  END IF;
END;;
DELIMITER ;

DELIMITER $$
CREATE PROCEDURE dorepeat(p1 INT)
BEGIN
  SET @x = 0;
  REPEAT SET @x = @x + 1; UNTIL @x > p1 END REPEAT;
END$$
DELIMITER ;
CALL dorepeat(10);

-- Without DELIMITER, the body is still one statement.
CREATE PROCEDURE classify(v INT)
BEGIN
  CASE WHEN v > 0 THEN SELECT 'positive;'; ELSE SELECT 'other'; END CASE;
END;
SELECT 1--1;
