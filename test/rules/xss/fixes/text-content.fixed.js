// fix: Use textContent
const params = new URLSearchParams(window.location.search);
document.getElementById('greeting').textContent = 'Welcome back, ' + params.get('user');
