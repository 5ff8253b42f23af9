-- A small storefront application's statements against the sample database `shop`, one per line, run by the demo
-- before capture (several shapes more than once, with other literals, as an application does). Most are reads;
-- a few writes, a procedure call and a session-token lookup show what capture and replay do with them.
-- customer pages
SELECT id, email, name, status, country FROM customers WHERE id = 42;
SELECT id, email, name, status, country FROM customers WHERE id = 43;
SELECT id, email, name, status, country FROM customers WHERE id = 1017;
SELECT id, ordered_at, status, total FROM orders WHERE customer_id = 42 ORDER BY ordered_at DESC, id DESC LIMIT 10;
SELECT id, ordered_at, status, total FROM orders WHERE customer_id = 1017 ORDER BY ordered_at DESC, id DESC LIMIT 10;
SELECT oi.line_no, p.sku, p.title, oi.quantity, oi.unit_price, oi.line_total FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 1234 ORDER BY oi.line_no;
SELECT oi.line_no, p.sku, p.title, oi.quantity, oi.unit_price, oi.line_total FROM order_items oi JOIN products p ON p.id = oi.product_id WHERE oi.order_id = 77 ORDER BY oi.line_no;
SELECT order_total(1234);
SELECT format_money(total, 'EUR') AS shown FROM orders WHERE id = 77;
-- login: the form does not trim what the user typed
SELECT id, name FROM customers WHERE email = 'customer42@example.com ';
SELECT customer_id, expires_at FROM sessions WHERE token = UNHEX('6a8ed1b4b3b0a0c79f4b1d6c1e2f3a4b');
-- catalogue
SELECT id, sku, title, price FROM active_products WHERE price BETWEEN 10 AND 50 ORDER BY price, id LIMIT 20;
SELECT id, sku, title, price FROM products WHERE sku = 'SKU-0000123';
SELECT c.name AS category, COUNT(*) AS products, ROUND(AVG(p.price), 2) AS avg_price FROM products p JOIN categories c ON c.id = p.category_id GROUP BY c.name ORDER BY c.name;
SELECT id, title FROM products WHERE title LIKE 'kettle model 1%' ORDER BY id LIMIT 10;
SELECT id, JSON_UNQUOTE(JSON_EXTRACT(attributes, '$.color')) AS color FROM products WHERE id BETWEEN 1 AND 20 ORDER BY id;
SELECT p.id, p.sku, i.store_id, i.quantity FROM inventory i JOIN products p ON p.id = i.product_id WHERE i.quantity < 3 ORDER BY i.quantity, p.id, i.store_id LIMIT 20;
SELECT s.name, ST_X(s.location) AS lon, ST_Y(s.location) AS lat, s.opening_hours FROM stores s ORDER BY s.id;
-- back office reports
SELECT status, COUNT(*) AS orders, SUM(total) AS revenue FROM orders WHERE ordered_at >= '2020-01-05' GROUP BY status;
SELECT customer_id, name, revenue FROM top_customers ORDER BY revenue DESC, customer_id LIMIT 10;
SELECT country, COUNT(*) AS customers FROM customers WHERE status = 'active' GROUP BY country ORDER BY customers DESC, country;
SELECT YEAR(ordered_at) AS y, MONTH(ordered_at) AS m, COUNT(*) AS orders, SUM(total) AS revenue FROM orders GROUP BY y, m ORDER BY y, m;
SELECT o.id, o.total, SUM(oi.line_total) AS lines_total FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id BETWEEN 100 AND 120 GROUP BY o.id, o.total ORDER BY o.id;
SELECT COUNT(DISTINCT customer_id) FROM orders WHERE ordered_at >= '2020-01-03';
SELECT method, COUNT(*), SUM(amount) FROM payments GROUP BY method ORDER BY method;
SELECT logged_at, level, message FROM event_log WHERE level = 'ERROR' ORDER BY logged_at DESC LIMIT 5;
SELECT flags, COUNT(*) FROM customers GROUP BY flags ORDER BY flags;
SELECT id, loyalty_points FROM customers WHERE id IN (5, 6, 7) ORDER BY id;
SELECT id, created_at, birth_date FROM customers WHERE id BETWEEN 10 AND 12 ORDER BY id;
SELECT COUNT(*) FROM customers WHERE name LIKE 'bjorn%';
SELECT NOW() AS at, COUNT(*) AS open_orders FROM orders WHERE status = 'new';
-- writes and a procedure: captured, never replayed
UPDATE customers SET status = 'active' WHERE id = 42;
INSERT INTO event_log (logged_at, level, message) VALUES (NOW(3), 'INFO', 'customer 42 reactivated');
CALL purge_sessions();
