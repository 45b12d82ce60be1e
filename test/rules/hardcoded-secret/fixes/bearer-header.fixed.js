// fix: Read from environment (process.env.API_TOKEN)
const res = await fetch('https://crm.example.com/api/contacts', {
  headers: { Authorization: `Bearer ${process.env.API_TOKEN}` },
});
