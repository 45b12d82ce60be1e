// expect: none
// A second app with no limiter: the routes handed to it are not limited.
const express = require('express');
const registerAdminRoutes = require('./app/routes/admin.routes');

const admin = express();
admin.use(express.json());
registerAdminRoutes(admin);

admin.listen(9090);
