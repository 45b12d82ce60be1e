// fix: Use textContent
const params = new URLSearchParams(window.location.search);
document.getElementById('greeting').innerHTML = 'Welcome back, ' + params.get('user');
