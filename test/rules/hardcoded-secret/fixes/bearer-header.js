// fix: Read from environment (process.env.API_TOKEN)
const res = await fetch('https://crm.example.com/api/contacts', {
  headers: { Authorization: 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0' },
});
