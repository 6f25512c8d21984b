-- TRUNCATE fires no row trigger: refuse it too, so that no maintenance slip of ours empties a ledger.
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_entry_append_only();
