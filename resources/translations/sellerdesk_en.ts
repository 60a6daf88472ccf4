<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>%1 (both allow passing the data on)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About SellerDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer Address Manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Division codes of the National Bureau of Statistics (as of %1), from the open-source package %2 %3, with SellerDesk's additions (Hong Kong, Macao, Taiwan and recent changes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>License</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region data license</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>%1 is not a PostgreSQL server address SellerDesk can use: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk cannot start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk is already running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data folder cannot be used: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <source>A province given to someone wins over its 大区. Their 我负责的 box shows these customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In charge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who is in charge of a region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>大区 or province</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message numerus="yes">
            <source>%n entry(s)</source>
            <translation>
                <numerusform>%n entry</numerusform>
                <numerusform>%n entrys</numerusform>
            </translation>
        </message>
        <message>
            <source>(the newest only: narrow the dates to see older ones)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export the audit log</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who did what and when. The log holds numbers only, never names, phones or addresses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>to</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditText</name>
        <message>
            <source>A helper's change put back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address check undone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changed by a helper (old values kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers merged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default address set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted from the Trash for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo customers added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo customers removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erased for good (personal data)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback opened again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback solved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up due again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marketing consent changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge undone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved to the Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order lines replaced (old lines kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order status changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Personal data exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points redeemed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points rule changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy notice changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region given to a team user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region taken back from a team user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored from a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored from the Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention period changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team user added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team user removed (login disabled)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team user's phones permission changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team user's regions changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team user's role changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier by hand cleared</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier rules changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier set by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>backup made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fields</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>masked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next dates closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>old values kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>phones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>points/¥100</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>regions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>regions freed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>via</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>was</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>years</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupController</name>
        <message>
            <source>&amp;Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A backup or restore is still running. SellerDesk closes when it is done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another SellerDesk is restoring a backup into this data folder. Try again when it has finished.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backed up just now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backing up the current data first…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backing up…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup folders, how many to keep, reminders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup settin&amp;gs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup to %1 failed: %2. No partial file was left and older backups are untouched.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the backup file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close without a backup?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copying the database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decrypting and verifying the backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encrypting and writing the backup…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Last backup %n day(s) ago</source>
            <translation>
                <numerusform>Last backup %n day ago</numerusform>
                <numerusform>Last backup %n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Last backup %n hour(s) ago</source>
            <translation>
                <numerusform>Last backup %n hour ago</numerusform>
                <numerusform>Last backup %n hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Last backup %n minute(s) ago</source>
            <translation>
                <numerusform>Last backup %n minute ago</numerusform>
                <numerusform>Last backup %n minutes ago</numerusform>
            </translation>
        </message>
        <message>
            <source>Last backup: %1
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No backup folder is set. Choose one in the backup settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No backup yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not backed up to %1: it is in the data folder %2, where a backup is lost with the data. Choose another folder in File › Backup settings….</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press Ctrl+B to write your first backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace your data with a backup (your current data is backed up first)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored the backup of %1: %2 customers, %3 addresses, %4 orders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restoring…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Some backup folders failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup on exit did not complete. Close SellerDesk anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup was restored, but it does not open with its key file yet. SellerDesk finishes this at its next start; if this message comes back, restore the backup again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup was written to:
%1

but:
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The data it replaced was saved to:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file could not be read or written: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The restored data opens with the password or recovery code of the backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup file is damaged or was modified, so it cannot be used. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup needs the master password or the recovery code it was made with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup was made by a newer SellerDesk. Please update SellerDesk; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a SellerDesk backup file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time for a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updating the restored data to this version…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write an encrypted backup to your backup folders (Ctrl+B)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong password or recovery code for this backup. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You have not made a backup yet. A backup keeps your customers safe if this computer is lost or broken.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Your last backup was %n day(s) ago.</source>
            <translation>
                <numerusform>Your last backup was %n day ago.</numerusform>
                <numerusform>Your last backup was %n days ago.</numerusform>
            </translation>
        </message>
        <message>
            <source>the drive was removed or failed while writing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the file could not be written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder cannot be written (read-only or no permission)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder does not exist (is the drive plugged in?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>there is not enough free space</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BackupSettingsDialog</name>
        <message>
            <source> days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is in the data folder: backups skip it. Remove it and add another folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also keep one backup per month for a year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up when SellerDesk closes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backups are written to every folder below — for example a USB drive and a cloud-synced folder. With no folder chosen they go to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a backup folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the newest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in the data folder %1: a backup there is lost with it. Choose a USB drive or a cloud-synced folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remind me when the last backup is older than</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The settings could not be saved: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BirthdayField</name>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A solar birthday is on file too: %1. Greetings use the lunar one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Born in a leap month (闰月)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lunar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Many customers celebrate a lunar (农历) birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Solar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CareText</name>
        <message>
            <source>%1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>520</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Christmas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double 11</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double Ninth Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Father's Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In person or by phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Laba Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labour Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lantern Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mid-Autumn Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mother's Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>National Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New Year's Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New Year's Eve (lunar)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qixi Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SMS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Solved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spring Festival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Valentine's Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat chat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Winter Solstice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Women's Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lunar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CareView</name>
        <message>
            <source> (today)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 follow-up(s) due, %2 open feedback.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n birthday(s) from %1 to %2 — only customers who agreed to marketing.</source>
            <translation>
                <numerusform>%n birthday from %1 to %2 — only customers who agreed to marketing.</numerusform>
                <numerusform>%n birthdays from %1 to %2 — only customers who agreed to marketing.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) agreed to marketing.</source>
            <translation>
                <numerusform>%n customer agreed to marketing.</numerusform>
                <numerusform>%n customers agreed to marketing.</numerusform>
            </translation>
        </message>
        <message>
            <source>All tiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday greeting for %1 copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthdays</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy greeting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the birthday message for this customer, ready for WeChat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback from %1 solved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up message for %1 copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up with %1 done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up with %1 recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holiday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holiday greeting for %1 copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holidays</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keeping in touch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No birthdays in these days among the customers who agreed to marketing.
Add a birthday (solar or lunar) and the consent in the customer's details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer of this tier agreed to marketing yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to follow up today.
Record follow-ups in the customer's 回访 tab, with a next date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record follow-up…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record what was said; its next date is then done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Solved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take it off the list without recording anything</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The %1 who spent most are shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was said</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Both of you changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload shows their version and drops your changes. Merge keeps your changed fields on top of theirs; check the form and save again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer was changed by %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer was changed by %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer was changed by another program on this computer (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer was changed by another program on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your changes were not saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConnectingDialog</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to the team server %1 was cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to the team server %1 …</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team server</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConsentField</name>
        <message>
            <source>Agreed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only customers who agreed to marketing appear in the birthday and holiday lists</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerEditor</name>
        <message>
            <source>%1 (in the Trash)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is also the phone of %2, another customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is too long: at most %2 characters. Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was merged into this customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · re-check due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A customer needs at least a name, a phone or a WeChat ID.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A mobile number inside a longer number was left alone; check the phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A place name looks mistyped; check the region.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A postal code has 6 digits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added to %1 instead of a new customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An old or everyday place name was read as today's region.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before → after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Both changed: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the highlighted fields, then Save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy one line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the address as one line, ready for a courier's form</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard the changes (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop your changes to this customer and show the stored version?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due for a re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill in from text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goods, prices or payment words were left out of the address:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Home, office or a word of your own; may stay empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last shipped %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marketing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merged into %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merged: your changes are on top of the stored version. Check and save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next re-check %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No name was found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No phone number was found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No province, city or district was recognised.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not confirmed within the tier's re-check cycle: check it with the customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: the team server %1 cannot be reached. Your changes are still here; save again when it is back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not sure about this one — please check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the other customer (this form's unsaved changes are asked about)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste what the customer sent, e.g. 张三 13812345678 广东省深圳市南山区科技园1号</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points redeemed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Postal code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the form back as it was before the paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reloaded: your changes were dropped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the selected address instead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the customer (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Separate with 、 or commas, e.g. VIP、回头客</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Several phone numbers were found; the first one was used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Smart paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The city is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The city is not in this province.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer already has this address: it is selected, none was added.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer's remarks were kept out of the address and added to Notes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The district is not in this city.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The district/county is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The paste corrects the address that was selected: put it there instead of adding a new one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The paste was undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The pasted address was added as a new address; the others are kept. Check it, then Save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The phone had an extension; it is not in the phone field.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The phone is a number outside the mainland; it is kept with its country code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The phone number does not look right.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The phone number is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The place name fits several regions: pick the right one above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The places named do not belong together; the region was read from the most precise one. Check it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The province is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The recipient's name is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The region code does not match the names.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The street address is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The street address looks too short.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The text fits several places; pick the right one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The text was very long; only its beginning was read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This city is not known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer was deleted meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This district is not known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a mainland mobile or landline number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This province is not known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the official name of the region.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verification undone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID %1 is also that of %2, another customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a new address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>address %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✔ Verified on %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerFollowUpsTab</name>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No follow-ups yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record a follow-up: a call or a chat, what was said, when to follow up again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record feedback from the customer: open until solved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Solved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was said</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerOrdersTab</name>
        <message>
            <source>%1 edited</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 in %n order(s)</source>
            <translation>
                <numerusform>%1 in %n order</numerusform>
                <numerusform>%1 in %n orders</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 ordered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 piece(s) in %3 order(s), last on %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buys most</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click an order to open it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not counted in the totals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order no. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders are recorded from the main window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders cannot be opened in this version of SellerDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record an order of this customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refunded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the customer first; then their orders can be recorded here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer is in the Trash: restore them to record an order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The newest %1 of %2 orders (the orders view lists them all).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total spent</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>about every %n day(s)</source>
            <translation>
                <numerusform>about every %n day</numerusform>
                <numerusform>about every %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerPointsTab</name>
        <message>
            <source>%1 (order %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 point(s) per ¥1 paid (Edit ▸ Tiers and points…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balance: %1 points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earned by an order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redeem…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take points off the balance for a gift or a discount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taken back: the order no longer counts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The order's amount changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerTableModel</name>
        <message>
            <source>(merged into another customer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No address yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote area (偏远地区)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set by hand: it stays until it is set back to automatic in the customer pane.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This phone number does not look right; please check it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total spent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CycleSettingsDialog</name>
        <message>
            <source> month(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An address is due for a re-check when it was not confirmed within its customer's cycle. A confirmation is a verified stamp, an order delivered to it, or adding or editing it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default: %1; from 1 to %2 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each cycle is 1 to %1 months.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-check cycles</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>%1 of %2 buyers ordered twice or more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 customers ship to a remote area</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>Customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every address is fresh.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last backup %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No backup yet: press Ctrl+B.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customers yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customers yet: add or import some.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote-area share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat-purchase rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>addresses due for a re-check (Ctrl+4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customers (not in the Trash)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n order</numerusform>
                <numerusform>%n orders</numerusform>
            </translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a province to see its customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers by province (top %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers by region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customers per month (24 months)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customers yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the figures…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sales</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sales per month (24 months)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as PNG or PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The figures could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top 20 customers by spend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Top products (orders)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where customers are</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>overview.png</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DueModel</name>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total spent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Duplicates</name>
        <message>
            <source>%1, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, same %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer %1 is in the Trash; restore them first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer %1 no longer exists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not undone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same name at the same address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Similar names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Similar names, same address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Similar names, same phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This merge can no longer be undone: customer %1 was deleted for good.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This merge was undone already.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo merge %1 first: it came later and involves the same customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo this merge? The merged customers come back as they were, with their addresses and orders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>phone</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicatesController</name>
        <message>
            <source>Customers who may be one person: same phone, WeChat ID or address; merge them (Ctrl+Shift+D)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find &amp;duplicate customers…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Merged %n customer(s). Undo merge is in the customer's pane and under Find duplicate customers.</source>
            <translation>
                <numerusform>Merged %n customer. Undo merge is in the customer's pane and under Find duplicate customers.</numerusform>
                <numerusform>Merged %n customers. Undo merge is in the customer's pane and under Find duplicate customers.</numerusform>
            </translation>
        </message>
        <message>
            <source>The merge was undone.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>%1 orders, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n group(s) of customers who may be one person, the likeliest first.</source>
            <translation>
                <numerusform>%n group of customers who may be one person, the likeliest first.</numerusform>
                <numerusform>%n groups of customers who may be one person, the likeliest first.</numerusform>
            </translation>
        </message>
        <message>
            <source>Compare the group's customers side by side and merge them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find duplicate customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for duplicate customers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for duplicates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merged into them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No duplicates found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possible</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possible duplicates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why / name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>Erase %1 for good?</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Erase %n customer(s) for good?</source>
            <translation>
                <numerusform>Erase %n customer for good?</numerusform>
                <numerusform>Erase %n customers for good?</numerusform>
            </translation>
        </message>
        <message>
            <source>Erase for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That is not what was asked for; nothing was erased.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their name, phone, WeChat ID, addresses and address history are erased from the database and the search for good; this cannot be undone, not even from the Trash.

Their orders stay for your sales totals, without name, phone or address.

Backups made before still hold them: make a new backup afterwards, and delete older ones if the customer asked you to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the customer number %1 to confirm:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the customer's name to confirm:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the number of customers (%1) to confirm:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customer %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExchangeController</name>
        <message>
            <source>&amp;Export to Excel…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import from Excel/CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export the customers on screen, or a courier template (Ctrl+E)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import customers from a spreadsheet (Ctrl+I)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExchangeText</name>
        <message>
            <source>%1 cannot be written here (%2). Choose another folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 changed while it was being imported: nothing was imported. Close the program that writes it, then import it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 fields the courier may reject:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no rows of customer data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no sheet with that name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no visible sheet with data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds binary data (NUL bytes or broken UTF-16), not text: it is not a CSV file, or it is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is damaged or incomplete and cannot be read. Open it in Excel or WPS and save it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not UTF-8 or GBK text. Save it from Excel as "CSV UTF-8" and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a file (it is a folder or a device): choose a spreadsheet file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a spreadsheet. SellerDesk reads .xlsx, .xls, .ods and .csv files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is protected by a password. Save it without the password and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 looks like %2 text, not Chinese. Save it from Excel as "CSV UTF-8" and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 unpacks to far more data than a spreadsheet holds: it is damaged or crafted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A customer's data is written as .xlsx or .json files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A header cell of %1 is %2 characters long, more than a header has (at most 255): choose the header row by hand, or shorten that cell, and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sheet of %1 spans %2 rows × %3 columns, more than SellerDesk can read. Delete the cells outside your data (or copy the data to a new sheet) and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buyer account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking rows…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>City</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>District/county</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exports are written as .xlsx files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How consent was given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line of the order above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for duplicates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lunar birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map at least one column to name, phone, WeChat ID or address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marketing consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Masked phones (138****1234) in %1 rows: kept on the order's ship-to only, not used to find the customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No header row was found in %1. Choose the header row by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to export: no customer is in this view.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: amount paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: line amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: order No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: product</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: quantity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: ship date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: tracking No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order: unit price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders: %1 added, %2 already there (not added again), %3 with problems.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders: %1 new, %2 already there (not added again), %3 with problems.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Postal code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %1, %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %2 of %1 opens a quote (") that is not closed where its cell ends, so the rows after it would run together. Fix that quote (or save the file again from Excel) and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving customers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Second phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That courier template does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That header row is outside the sheet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The audit log is written as .xlsx or .csv files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The courier template is damaged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file %1 cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file %1 is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file %1 was not found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder %2 does not exist. Choose another place for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sheets of %1 together are too big to read. Split it into smaller files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whole address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the spreadsheet…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a folder has that name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>part of the path is a file, not a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder exists but no file can be made in it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the folder is read-only or belongs to another user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %1 more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExistingCustomerDialog</name>
        <message>
            <source>Already a customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open them, add this address to them (merge), or create a new customer anyway (a family or a shop may share one phone).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open them, merge the two customers, or save anyway.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This WeChat ID belongs to %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This phone belongs to %1:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Address (one line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one column.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier template: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everyone (%1 customers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported %1 rows to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For a file shown to others; a courier needs the full numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mask phone numbers (138****5678)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One row per address (otherwise the default address only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Province, city and district in separate columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheet (choose the columns)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The current view (%1 customers)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untick for a list to read: one row per customer, default address only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Could not create the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk — first start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit feedback from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit follow-up with %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feedback from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow up again on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up with %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer is in the Trash: restore them first. Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The next follow-up cannot be before this one. Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The note is too long (at most %1 characters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was said</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was said, e.g. 问面膜用得怎么样</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write what was said.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 很满意，想再买两盒</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HeaderRowSpin</name>
        <message>
            <source>Found by itself</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The row of the sheet with the column names; the rows above it are titles</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportFilePage</name>
        <message>
            <source>An Excel (.xlsx, .xls), WPS (.ods) or CSV file with one customer per row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing is saved until the last step; the import is all or nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets (%1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportMappingPage</name>
        <message>
            <source>(column %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A whole-address column is split into province, city, district and street automatically. Order columns (order No., date, amount paid…) add the orders too; set them to “do not import” to add customers only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check what each column holds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each kind of information can come from one column only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First values</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— do not import —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportPreviewPage</name>
        <message>
            <source>%1 new, %2 merged, %3 updated, %4 skipped, %5 rejected (%6 to check)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 on row %2 of the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 possible duplicates (same phone, different name): kept apart, listed below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 possible duplicates (same phone, different name): merged as chosen, listed below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Always add a new customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep them apart and list them as possible duplicates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge them all the same (listed too)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge: add a new address to the existing customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Possible duplicates (可能重复): %1. Choose one to see its row.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Red rows are not imported, yellow rows are imported and marked 需核对, blue rows are possible duplicates. Nothing has been saved yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row %1: %2, phone %3, same phone as %4: %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Same phone, different name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip the row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The list shows the first %1 of %2 rows; the counts are the whole file's.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Update the existing customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When a customer is already known:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a new customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customer %1 in the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>merged</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportRunPage</name>
        <message>
            <source>%1 possible duplicates (same phone, different name) are listed in the problem report.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported: %1 new customers, %2 merged, %3 updated, %4 skipped, %5 rejected. %6 addresses added.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the problem report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows with problems are listed in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The import failed and nothing was changed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The import was cancelled. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportSheetPage</name>
        <message>
            <source>(hidden)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Header row:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hidden sheets are skipped unless you choose one. The header row holds the column names (姓名, 手机, 地址…).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sheet and header row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sheet:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no data rows below the header row.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import customers</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobDialog</name>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyChangeDialog</name>
        <message>
            <source>Another SellerDesk program changed the key file meanwhile. Nothing was changed; try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current master password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk already uses a master password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key is already kept in the system keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key is kept in the system keyring: there is no password to change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring is locked. Unlock it (log in to your desktop session) and try again. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type your current master password (or your recovery code).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong password or recovery code. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>or the recovery code</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyringText</name>
        <message>
            <source>No system keyring was found on this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The only keyring here would store the key unencrypted, so SellerDesk does not use it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring does not hold this database's key (for example on a new computer).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring is locked. Log in to your desktop session and start SellerDesk again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring reported an error.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeysController</name>
        <message>
            <source>&amp;Change master password…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the key in the system &amp;keyring…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key kept in the system keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a &amp;new recovery code…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Master password changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Master password set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass&amp;word and recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password and recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk will ask for the master password at every start. The key was removed from the system keyring.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk will start without asking for a password. The master password no longer opens your data; the recovery code still does.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;recovery code…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new master password opens your data from now on. Backups made before still open with the old one: make a new backup now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team database's password is managed by the server: in team mode there is no master password or recovery code, only your login password on the team server (File › Team server…), which the server's administrator changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a &amp;master password instead of the keyring…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LabelsDialog</name>
        <message numerus="yes">
            <source>%n address(es) were too long for the label and end with “…”; the thermal layout has more room:</source>
            <translation>
                <numerusform>%n address(es) were too long for the label and end with “…”; the thermal layout has more room:</numerusform>
                <numerusform>%n address(es) were too long for the label and end with “…”; the thermal layout has more room:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) selected: their default address, no items</source>
            <translation>
                <numerusform>%n customer selected: their default address, no items</numerusform>
                <numerusform>%n customers selected: their default address, no items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n label(s)</source>
            <translation>
                <numerusform>%n label</numerusform>
                <numerusform>%n labels</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n label(s) have no address (write it by hand, or fix the order):</source>
            <translation>
                <numerusform>%n label have no address (write it by hand, or fix the order):</numerusform>
                <numerusform>%n labels have no address (write it by hand, or fix the order):</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) selected</source>
            <translation>
                <numerusform>%n order selected</numerusform>
                <numerusform>%n orders selected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message>
            <source>(no sender)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A selected order was deleted meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A4 sheet, 2 × 7 labels (99 × 38 mm)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: no file was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write %1: %2. Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not write %1: is the folder writable and the file not open elsewhere?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layout:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mask phone numbers (138****5678)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sender is saved yet: the labels will have none.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save labels as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1 to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the orders or customers to print labels for first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent %1 to the printer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The printer could not be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thermal label 100 × 150 mm, one a page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your team role shows phones masked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>labels</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About SellerDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete for good…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mask phone numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Message templates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remote areas…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore from Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo delete orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo move to Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add %1 &amp;demo customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a customer (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adding demo customers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses due for a re-check with the customer (Ctrl+4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All tiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic (system)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthdays, holidays and follow-ups due (Ctrl+5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring back the customers just moved to the Trash (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring back the orders just deleted (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring the selected customers back</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Brought back %n customer(s).</source>
            <translation>
                <numerusform>Brought back %n customer.</numerusform>
                <numerusform>Brought back %n customers.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel editing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Care</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear search and filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete %n customer(s) for good? Their addresses and orders go too. Only a backup can bring them back.</source>
            <translation>
                <numerusform>Delete %n customer for good? Their addresses and orders go too. Only a backup can bring them back.</numerusform>
                <numerusform>Delete %n customers for good? Their addresses and orders go too. Only a backup can bring them back.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected customers from the Trash for good</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted %n customer(s) for good.</source>
            <translation>
                <numerusform>Deleted %n customer for good.</numerusform>
                <numerusform>Deleted %n customers for good.</numerusform>
            </translation>
        </message>
        <message>
            <source>Demo customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard the changes to the customer being edited?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often each tier's addresses are checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import Excel…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the Trash: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Main toolbar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message templates saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected customers to the Trash (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Moved %n customer(s) to the Trash. Ctrl+Z brings them back.</source>
            <translation>
                <numerusform>Moved %n customer to the Trash. Ctrl+Z brings them back.</numerusform>
                <numerusform>Moved %n customers to the Trash. Ctrl+Z brings them back.</numerusform>
            </translation>
        </message>
        <message>
            <source>New &amp;order…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customer filled in from the address on the clipboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New from &amp;pasted address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order from pasted te&amp;xt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer matches this search or filter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customers yet — add one, paste an address, or import Excel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders &amp;to ship</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste an address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print &amp;labels…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-check &amp;cycles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-check cycles saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record an order from the customer's message on the clipboard (Ctrl+Shift+V)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record an order; of the selected customer, if one is selected (Ctrl+Shift+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove demo customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove demo customers…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Remove the %n demo customer(s)? Your own customers stay.</source>
            <translation>
                <numerusform>Remove the %n demo customer? Your own customers stay.</numerusform>
                <numerusform>Remove the %n demo customers? Your own customers stay.</numerusform>
            </translation>
        </message>
        <message>
            <source>Reset &amp;columns</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Restored %n customer(s).</source>
            <translation>
                <numerusform>Restored %n customer.</numerusform>
                <numerusform>Restored %n customers.</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the customer being edited (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search name, phone, WeChat ID, address or pinyin (zs) — Ctrl+F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk — Customer Address Manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipping labels for the selected customers (their default address)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show 138****5678, for screenshots sent in WeChat (Ctrl+M)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only customers of this tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only customers with this tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only the customers of the 大区 and provinces you are in charge of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the customers (Ctrl+1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the customers in the Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the orders (Ctrl+2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the overview: where customers are, who buys (Ctrl+6)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;iers and points…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The Trash is empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The clipboard is empty: copy an address from WeChat first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer being edited has unsaved changes. Quit anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language is used from the next start of SellerDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The orders to ship today (Ctrl+3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The places you treat as 偏远地区 (extra freight, no free shipping)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The tiers could not be brought up to date: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The wording of the messages copied for WeChat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There are no demo customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier names and thresholds, and the points rule</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Tiers recomputed: %n customer(s) changed tier.</source>
            <translation>
                <numerusform>Tiers recomputed: %n customer changed tier.</numerusform>
                <numerusform>Tiers recomputed: %n customers changed tier.</numerusform>
            </translation>
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trash — restore customers or delete them for good. Use View ▸ Trash to go back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try with demo customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What needs doing today (Ctrl+0)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>counting…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>%1 (set by hand)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 orders, %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All of them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All, one after another</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose who is kept and, for each field, whose value they keep. Addresses, orders, points and history of the others move to the one kept; the others go to the Trash. You can undo the merge.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Female</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep this one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Male</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marketing consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not merged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>and %1 more</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageKind</name>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthday greeting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holiday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holiday greeting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipped notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking No.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ModePage</name>
        <message>
            <source>Either way you will get a recovery code that opens your data and your backups on a new computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the key in the system keyring (recommended: no password to type)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not available here: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a master password (typed at every start)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to SellerDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your customers' data is encrypted on this computer. Choose how to unlock it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewPasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the master password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New master password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk will ask for this password at every start, and the key will be removed from the system keyring. Backups made from now on need this password (or the recovery code).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new password is the one in use now. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new password is the one in use now: type a different one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new password is your recovery code: choose a password of your own. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The old password stops opening your data. Backups made before keep opening with the old password (or the recovery code): make a new backup afterwards.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Three or four words that have nothing to do with you or your shop are strong and easy to remember; names, birthdays, phone numbers and 5201314-style numbers are guessed first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type it again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use a master password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use password</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewRecoveryCodeDialog</name>
        <message>
            <source>Do this when the old code may have been seen by someone else. The old code stops opening your data at once. Backups made before keep opening with the old code (they carry the key as it was then): make a new backup afterwards, and delete old backups you no longer trust.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a new code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a new recovery code</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy notice (copied)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Send this to customers who ask what you keep about them. Edit it to fit your shop; Copy puts it on the clipboard for WeChat.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <source> or </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — order #%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(empty address)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>= items total %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also save the pasted address as a new address of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount paid (¥)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amount paid: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An order cannot go from %1 to %2; reopen it first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An order has at most 100 lines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As recorded: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read %1: write each item as 面膜 x2 @39.9, separated by commas.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the customer %1 when saving the order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filled in: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Found customer %1 (%2): the order is recorded for them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items total: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items total: unknown (a line has no price)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line %1: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Load the latest version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer has %1 yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No name, phone number or WeChat ID was recognised in the text.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No phone number or WeChat ID in the text, so no customer could be looked up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No ship-to address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional, e.g. the shop's order number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste the customer's message, or a phone number or WeChat ID, first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste what the customer sent (name, phone, address; WeChat ID, goods and amount too), or type a phone number or WeChat ID to find the customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pasted address: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Product</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quick entry: 面膜 x2 @39.9, 护手霜 @25</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subtotal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The notes have at most 2,000 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The ship date is before the order date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their WeChat ID %1 is added to their details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick “Create the customer” or paste the message of a customer you have.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit price</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a product name has at most %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 128.50</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no ship-to address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the amount paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the notes (the customer's remarks)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the order number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the product name is missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the quantity must be a whole number from 1 to 100,000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this customer</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrderTableModel</name>
        <message>
            <source>Amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled and refunded orders do not count toward spend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No order number (order #%1 in SellerDesk)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No ship-to address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote area (偏远地区)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipped on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This column does not sort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking no.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrderText</name>
        <message>
            <source>%1 is not an amount (e.g. 128.50 or ¥1,234.50).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n already %1</source>
            <translation>
                <numerusform>%n already %1</numerusform>
                <numerusform>%n already %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cannot go from %1 to %2</source>
            <translation>
                <numerusform>%n cannot go from %1 to %2</numerusform>
                <numerusform>%n cannot go from %1 to %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not changed: the ship date would be before the order date</source>
            <translation>
                <numerusform>%n not changed: the ship date would be before the order date</numerusform>
                <numerusform>%n not changed: the ship date would be before the order date</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) marked %1</source>
            <translation>
                <numerusform>%n order marked %1</numerusform>
                <numerusform>%n orders marked %1</numerusform>
            </translation>
        </message>
        <message>
            <source>.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An amount cannot be negative: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An amount has at most two decimals (分): %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An order's customer is in the Trash: restore the customer first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the amount paid, e.g. 128.50.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No order selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order number %1 is already used by a deleted order (#%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order number %1 is already used by order #%2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refunded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Someone else changed this order meanwhile (another window, a helper's computer or an import), so your changes were not saved. Load the latest version and make them again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That address was deleted meanwhile: choose another ship-to address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The amount %1 is too large (at most ¥99,999,999.99).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The ship date is before the order date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer is in the Trash: restore them first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This order or customer no longer exists (deleted for good meanwhile).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This order was deleted meanwhile: restore it first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To ship</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrdersView</name>
        <message>
            <source>&amp;Copy ship-to address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit order…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All couriers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All regions</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Brought back %n order(s).</source>
            <translation>
                <numerusform>Brought back %n order.</numerusform>
                <numerusform>Brought back %n orders.</numerusform>
            </translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied the ship-to address.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied the shipping message.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied the shipping message; this order has no tracking number yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy shipping &amp;message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Deleted %n order(s). Ctrl+Z brings them back.</source>
            <translation>
                <numerusform>Deleted %n order. Ctrl+Z brings them back.</numerusform>
                <numerusform>Deleted %n orders. Ctrl+Z brings them back.</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleted orders: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted orders: select and restore them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From … to …</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;shipped…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark c&amp;ancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark deli&amp;vered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark delivered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark re&amp;funded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark shipped…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order from pasted text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No courier yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No deleted orders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No order matches these filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders with this status.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders yet — record one with New order (Ctrl+Shift+N) or from a pasted message.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to ship: every order has gone out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders shipping to a remote area (偏远地区)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders to ship: today's work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print &amp;labels…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reopen (&amp;back to to-ship)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Restored %n order(s).</source>
            <translation>
                <numerusform>Restored %n order.</numerusform>
                <numerusform>Restored %n orders.</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search order or tracking no., product, customer name, phone, WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected total: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship-to region (大区 or province)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shown: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The 发货通知 with the courier and tracking number, for WeChat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OsError</name>
        <message>
            <source>File exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Is a directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No space left on device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such file or directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operation not permitted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permission denied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only file system</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PasswordPage</name>
        <message>
            <source>Choose a master password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It protects your data and every backup. SellerDesk cannot read them without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Master password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whoever gets hold of a backup can try passwords on it for as long as they like. Three or four words that have nothing to do with you or your shop are strong and easy to remember; names, birthdays, phone numbers and 5201314-style numbers are guessed first.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PasswordShownDialog</name>
        <message>
            <source>%1 is on the team now (%2). Their password is shown only this once: copy it and give it to %1. They type it in 文件 › 团队服务器… on their computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team member added</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhoneEdit</name>
        <message>
            <source>Show this number (masking mode hides it)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrivacyController</name>
        <message>
            <source>&amp;Audit log…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Erase for good…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Privacy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers with no recent &amp;order…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport this customer's data…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erase for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erase the selected customers' personal data for good; their orders stay without it</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Erased %n customer(s); their orders stay without personal data. Make a new backup now: only backups made from now on are free of them.</source>
            <translation>
                <numerusform>Erased %n customer; their orders stay without personal data. Make a new backup now: only backups made from now on are free of them.</numerusform>
                <numerusform>Erased %n customers; their orders stay without personal data. Make a new backup now: only backups made from now on are free of them.</numerusform>
            </translation>
        </message>
        <message>
            <source>Erasing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything kept about the selected customer, as .xlsx or JSON</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything kept about this customer is in %1. Send it to them only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel (*.xlsx);;JSON (*.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export a customer's data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Privacy &amp;notice…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select one customer first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>customer-%1.xlsx</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>%1 File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecheckView</name>
        <message>
            <source>%1 %2 mo.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 marked verified.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n addresses marked verified.</source>
            <translation>
                <numerusform>%n addresses marked verified.</numerusform>
                <numerusform>%n addresses marked verified.</numerusform>
            </translation>
        </message>
        <message>
            <source>Addresses to re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses to re-check: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy a polite check-your-address message for WeChat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cycles: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cycles…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often each tier's addresses are checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message copied for %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No address is due for a re-check. 🎉</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One customer at a time: the message copied, then verified or changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walk through the list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryCode</name>
        <message>
            <source>%1 — recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep it away from the computer: on paper in a drawer, or in a password manager. Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made on %1 for the database with key id %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in %1: whoever gets that folder would also get the code that opens it. Choose another place, such as a USB stick you keep apart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in the synced folder %1: your backups may travel there too. Choose another place, such as a USB stick you keep apart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This code unlocks your SellerDesk data and every backup of it on any computer, if the master password is forgotten or the system keyring loses the key.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryCodeBox</name>
        <message>
            <source>Copied. Paste it where you keep it, then clear the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep it away from this computer: on paper in a drawer, or in a password manager. Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat: whoever has a backup and this code has all your customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print the recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as text file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved as %1. Move it somewhere safe, away from this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk recovery code.txt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text file (*.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The folder %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryCodeDialog</name>
        <message>
            <source>Recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This code unlocks your data and every backup on a new computer if the master password is forgotten or the system keyring loses the key. You can see it here again while SellerDesk is unlocked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is your new recovery code. The old one no longer opens your data; backups made before still open with the old one, so make a new backup now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your new recovery code</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>A team window has no Show recovery code. To see this code again, open the data on this computer (File › Team server…: untick opening the team database at start, then restart SellerDesk) and use Help → Show recovery code there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I have written down the recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If this computer breaks or the keyring forgets the key, this code unlocks your data and every backup on a new computer. Without it and without the password, nobody — not even us — can recover the data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If you forget the master password or this computer breaks, this code unlocks your data and every backup on a new computer. Without the password and without this code, nobody — not even us — can recover the data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>While SellerDesk is unlocked, Help → Show recovery code shows it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write it down, print it or save it, and keep it somewhere safe.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your recovery code</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RedeemDialog</name>
        <message>
            <source>%1 has %2 points.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only %1 points are left: %2 cannot be redeemed. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redeem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redeem points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What they were exchanged for, e.g. 护手霜 gift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write what the points were exchanged for.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegionTree</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) matching the search and filters</source>
            <translation>
                <numerusform>%n customer matching the search and filters</numerusform>
                <numerusform>%n customers matching the search and filters</numerusform>
            </translation>
        </message>
        <message>
            <source>(city unknown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address incomplete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All matching</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers whose default address is in a remote area (偏远地区); the list is under Edit ▸ Remote areas…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The numbers count the customers the search and filters let through.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RemoteAreasDialog</name>
        <message>
            <source>Common choices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>More places, one per line (a province, a city or a county):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders and customers in these places are marked 偏远地区 in the tables, the region tree, the order filter and the export summary. There is no official list: set it to match your freight rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remote areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the default list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many entries (at most %1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 四川省甘孜藏族自治州
阿坝州
青海省玉树藏族自治州</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not a province, city or county we know.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” names several places; add its province or city (e.g. 北京市朝阳区).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>香港, 澳门 and 台湾</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RemoteSummary</name>
        <message numerus="yes">
            <source>%n customer(s) in a remote area (偏远地区)</source>
            <translation>
                <numerusform>%n customer in a remote area (偏远地区)</numerusform>
                <numerusform>%n customers in a remote area (偏远地区)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) ship to a remote area (偏远地区)</source>
            <translation>
                <numerusform>%n order ship to a remote area (偏远地区)</numerusform>
                <numerusform>%n orders ship to a remote area (偏远地区)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Backup of %1: %2 customers, %3 addresses, %4 orders (SellerDesk %5).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a SellerDesk backup file (.sdbackup). It is checked before anything changes, and your current data is backed up first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a backup file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No backup found in the backup folder; choose a file below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No file chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please type the password or recovery code of this backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recent backups (newest first):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the customers you have now with this backup?

Your current data is backed up first, so you can go back to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk backups (*%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is intact.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup has another key. Enter the master password or the recovery code it was made with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This backup has another key. Enter the recovery code it was made with.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong password or recovery code for this backup. Nothing was changed; please try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>saved before a restore</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source> year(s)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n customer(s) with no order for %1 year(s) (or never, and added before that).</source>
            <translation>
                <numerusform>%n customer with no order for %1 year (or never, and added before that).</numerusform>
                <numerusform>%n customers with no order for %1 years (or never, and added before that).</numerusform>
            </translation>
        </message>
        <message>
            <source>Customers with no recent order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erase for good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Erase them for good…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Erased %n customer(s). Make a new backup now: only backups made from now on are free of them.</source>
            <translation>
                <numerusform>Erased %n customer. Make a new backup now: only backups made from now on are free of them.</numerusform>
                <numerusform>Erased %n customers. Make a new backup now: only backups made from now on are free of them.</numerusform>
            </translation>
        </message>
        <message>
            <source>Erasing customers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offer customers with no order for</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retention is off: set a number of years and press Find.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>off</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SectionCard</name>
        <message>
            <source>This count could not be read; see the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServerUnreachableDialog</name>
        <message>
            <source>Nothing was changed. Retry to type the password, or open the data on this computer for now (what you change there does not reach the team).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was changed. Retry when the server is back, or open the data on this computer for now (what you change there does not reach the team).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the data on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk cannot open the team database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team server</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShipDialog</name>
        <message>
            <source>Courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave empty to keep each order's own</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Mark %n order(s) as shipped.</source>
            <translation>
                <numerusform>Mark %n order as shipped.</numerusform>
                <numerusform>Mark %n orders as shipped.</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark as shipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark shipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. SF1234567890</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 顺丰</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShippingController</name>
        <message>
            <source>&amp;Import tracking numbers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a courier tem&amp;plate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a courier template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bring the blank .xlsx template downloaded from your courier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;waybills…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read a courier's result sheet: matched orders become 已发货</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Senders (寄件人) and the preferred courier per region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipping setti&amp;ngs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the orders to ship into a courier's bulk-order sheet</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShippingSettingsDialog</name>
        <message>
            <source> (default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(new sender)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sender's %1 is too long.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A sender's phone must be a mobile or a landline number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>City</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>District</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each sender needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each sender needs a phone number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everywhere else</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label (e.g. 一号仓)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sender yet. Add the name, phone and address printed on your waybills.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preferred couriers (物流合作)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Region or province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Senders (寄件人)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shipping settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many senders or rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown region or province in the preferred couriers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which courier template each region ships with (e.g. 顺丰 for 华南, 中通 elsewhere). A province wins over its region; 其他地区 covers the rest. The waybill export uses these by default and writes one file per courier.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShippingText</name>
        <message>
            <source>%1 has no order-number (订单号) or phone (收件人手机) column, so no row can be matched to an order.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no tracking-number column (运单号).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not an .xlsx workbook. Save the courier's template as .xlsx and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A courier template with this name already exists. Choose another name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A second row for the same order (order %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A template name has up to 40 characters, without slashes or : * ? &lt; &gt; |.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another order in the sheet has this number too (orders %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled or refunded orders are not shipped: %1. Nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>City</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer notes (private: only if you mean it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>District</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full address (province + city + district + street)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Items (from the order)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layouts shipped with SellerDesk cannot be removed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map at least the recipient, phone and address columns.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No matching order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders to export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No tracking number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order amount</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parcels (1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Postal code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Province, city and district</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quantity (items added up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient landline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient mobile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient phone (mobile or landline)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender address (one line)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender district</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender street address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Several orders to ship go to this phone: not guessed (orders %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street address (without province/city/district)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The courier template is damaged: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The order already has another tracking number (order %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The order is not waiting to ship (order %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking number too long to be right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waybills are written as .xlsx or .csv files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WeChat ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which courier? No 快递公司 column: choose one and import again (order %1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses to re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthdays, holidays and follow-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel editing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit the selected customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find duplicate customers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import / export Excel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the table: new customer from the address on the clipboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mask phone numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move to Trash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order (of the selected customer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New order from the message on the clipboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the orders page: undo delete orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders to ship</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overview: where customers are, who buys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the customers / the orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today: what needs doing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo move to Trash</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StorageError</name>
        <message>
            <source>Another SellerDesk program (an import or a backup) kept the database busy for too long. Try again when it has finished; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk cannot open %1: the folder is missing, read-only or belongs to another user. Make the data folder writable for you and try again; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk cannot write to %1: it is read-only or belongs to another user. Make it writable for you (or run SellerDesk as its owner) and try again; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk holding %1 is full, so SellerDesk could not save. Free some space on that disk and try again; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk reported an error reading or writing %1 (a failing or unplugged drive?). Check the drive and try again; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team server %1 cannot be reached, so nothing was saved (and nothing was saved on this computer instead). Check the network and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team server %1 refused the login of %2: wrong user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team server %1 runs PostgreSQL %2; SellerDesk needs PostgreSQL 14 or newer. Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This customer is not in your regions (%1), so it cannot be saved this way; nothing was changed. The team's owner gives each helper their regions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your team role does not allow this (%1); nothing was changed. The team's owner decides who may do what.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the SellerDesk data folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <source>Almost strong enough</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not strong enough yet: add another word or two.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still weak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strength: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too easy to guess: it contains a phone or ID card number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too easy to guess: it is, or is built on, one of the most common passwords.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too easy to guess: keyboard rows, repeats and sequences like 1234 are tried first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too easy to guess: names in pinyin, birthdays and years are tried first.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Too short: at least %n characters.</source>
            <translation>
                <numerusform>Too short: at least %n characters.</numerusform>
                <numerusform>Too short: at least %n characters.</numerusform>
            </translation>
        </message>
        <message>
            <source>Very weak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weak</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamBackupController</name>
        <message>
            <source>A team backup is encrypted with this computer's SellerDesk key (its recovery code opens it), and this computer has none yet (%1).

Make it now? You choose how it is kept and get its recovery code, as at a first start; this computer's own customer list stays empty.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back up the team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backing up the team database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the copy of the team's data…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copying the team's data…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore %1 into the team database %2 on %3?

Everyone in the team will work with the backup's data from then on. The team database must be empty: one that holds customers is refused and left as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore a backup into this team's EMPTY database, for the whole team (owners only)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore for the whole team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore into the team database?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored %1 customers into the team database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restoring into the team database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team backup complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team backup (%1 customers, %2 orders) was written to:
%3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team database already holds data (its table %1 has %2 rows). A backup is restored only into an empty team database, so nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The team's users work again once a user with the privilege runs: sellerdesk-cli team init</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These users of the backup have no login on this server yet: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write an encrypted backup of the team database to your backup folders (Ctrl+B)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the backup of %1 (%2 customers)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamController</name>
        <message>
            <source> (connection lost; reconnecting…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Team server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team &amp;members…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your team role shows phones masked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamPasswordDialog</name>
        <message>
            <source>Connect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No password was given for %1 on the team server %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password of %1 on the team server %2 (database %3):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please type the password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remember the password (system keyring)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team server</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamServerDialog</name>
        <message>
            <source>%1 is set: SellerDesk opens %2 at start, not the server below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(kept in the system keyring)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(only for Test connection; asked at each start)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ask for the password at each start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA certificate (.pem); empty: the system's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificates (*.pem *.crt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Connected: %n customer(s).</source>
            <translation>
                <numerusform>Connected: %n customer.</numerusform>
                <numerusform>Connected: %n customers.</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: the database is empty; SellerDesk sets it up when it opens it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encrypt the connection and check the server's certificate (TLS, verify-full)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the team database instead of the data on this computer at start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please fill in the server and the user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please type the password: none is kept for this user and server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Several people on several computers can share one customer list on a PostgreSQL server. Ask the owner of the server for its address, your user name and your password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The CA file %1 does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The password is kept in the system keyring, not in the settings file. The change takes effect at the next start of SellerDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The password is never written to the settings file. The change takes effect at the next start of SellerDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server %1 wants a password for %2: type it above and test again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring cannot keep the password (%1). Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring cannot keep the password (%1): SellerDesk asks for it at each start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 192.168.1.20 or db.example.com</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamText</name>
        <message>
            <source>%1 granted others their membership of %2, which the server will not take back with them; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a %2, who always sees phones; only a helper's phones can be masked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a %2, who sees every customer; only a helper has regions.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a server address SellerDesk can use.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is the team's last owner; add another owner before giving them another role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is the team's last owner; add another owner before removing them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 lacks the PostgreSQL privilege %2 on the team server, so nothing was changed; ask the server's administrator to grant it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 made the logins %2 and PostgreSQL 16 lets a role's maker administer it (and act as it) in any role; only a superuser may take that back: have a superuser of the server run this change; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 owns the team's database (or is a superuser of the server) and would keep an owner's power in any role; first make another owner the database's owner (ALTER DATABASE … OWNER TO …).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A user “%1” already exists on this server; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Guest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Helper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an owner of the team may do this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team: %1 @ %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The secure (TLS) connection to %1 failed: the server does not offer TLS, or its certificate is not signed by the CA file or does not name this server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server %1 cannot be reached: it is off, the address or port is wrong, or the network is down.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server %1 could not be used.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server %1 has no database named %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server %1 refused user %2: wrong user name or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no team user “%1” (any more).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is the data on this computer: users are for a team server.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Viewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You cannot change your own role (%1); another owner can.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You cannot remove yourself (%1); another owner can.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” cannot be a user name: 1 to 63 bytes, no quotes or control characters, not starting with pg_.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is neither a 大区 nor a province; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is not a team role.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamUsers</name>
        <message>
            <source>The team server refused this (%1); nothing was changed.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TeamUsersDialog</name>
        <message>
            <source> (you)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is in charge of %2 now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was added as %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was changed; it applies from their next connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was removed from the team: their login is disabled; what they wrote is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add member…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done, but the list could not be read again (%1). Close and open this window to see it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In charge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In charge of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody in charge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nobody is in charge of %1 now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the team from the server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Regions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Regions in charge (专人负责)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 (%2) from the team?

Their login is disabled and the regions they are in charge of are freed. The customers, orders and history they wrote are kept, and the removal is in 操作记录. Adding the same name again gives the login back, with a new password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 from the team?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from the team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who works on the team server and what each may see. Changes apply from each member's next connection.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>masked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none yet: sees no customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>专人负责: the member in charge of a 大区 or province sees its customers under 我负责的. A province given to someone wins over its 大区.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>大区 or province</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>A message may be at most %1 characters long.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insert %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message templates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a placeholder: %1. It will be copied as typed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview, for a sample customer:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reset to default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The texts SellerDesk copies for you to paste into WeChat. Click a placeholder to insert it; it is filled in for each customer.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateMappingDialog</name>
        <message>
            <source>(leave empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no header)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a courier template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column in the template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers' private notes will be printed on every waybill of this template. Continue?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Example %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Header row:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk found the header row of %1 and proposed what goes in each column. Check each column; columns left empty stay empty in the export. A customer's private notes go on a waybill only if you choose them here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sheet:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TierField</name>
        <message>
            <source>Automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear the hand-set tier: compute it from the orders again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From the spend and order count of the last 12 months (Edit ▸ Tiers and points…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick a level to set it by hand; it then stays until set back to automatic.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set by hand; automatic would be %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>computed once saved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TierSettingsDialog</name>
        <message>
            <source>%1 needs a spend or an order count.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A customer reaches a level when the last %1 months of orders reach its spend or its order count (cancelled and refunded orders do not count). A tier set by hand stays as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A level's name has 1 to %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new rule counts for orders written from now on; points already earned stay.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers earn points with their orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every level needs a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Highest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave a spend empty (or an order count at off) to not use it for that level.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level 3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lowest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member tiers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points per ¥1 must be a number from 0.01 to 1000.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points per ¥1 paid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recomputing the tiers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save and recompute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spend from (¥)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The order count for %1 must be at least 1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The order count for %1 must be higher than for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The settings were not saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The spend for %1 is not an amount: %2 (e.g. 500 or 2000.50).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The spend for %1 must be higher than for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The spend for %1 must be more than ¥0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The threshold of %1 is too large.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tiers and points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two levels are both called %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>everyone else</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>or orders from</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Click a card to work through it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing needs doing today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The counts could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TodaySection</name>
        <message>
            <source>Addresses to re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Birthdays this week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls and messages you planned for today or before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Complaints and wishes not solved yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customers who agreed to hear from you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not confirmed within their tier's cycle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open feedback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders to ship</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting to be packed and sent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrackingImportDialog</name>
        <message>
            <source>%1 orders marked 已发货, %2 tracking numbers filled in, %3 already there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 rows not matched: fill them in by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the result sheet the courier gave back (运单号 with 订单号 or 收件人手机). Matched orders get the courier and tracking number and become 已发货. Importing the same sheet again changes nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courier:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For rows that do not name their courier; SF… numbers are 顺丰 by themselves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Header row:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import tracking numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order No. / phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result sheet:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why not matched</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UndoNote</name>
        <message>
            <source>Not saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Enter your master password (or your recovery code) to open your customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Master password or recovery code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please type your password or recovery code.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery code, e.g. 7K2QM-…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk — unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system keyring could not give SellerDesk its key. Enter your recovery code to open your customers.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong password or recovery code. Nothing was changed; please try again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UseKeyringDialog</name>
        <message>
            <source>Keep the key in the system keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SellerDesk will start without asking for a password: the system keyring, opened when you log in, keeps the key. The master password will no longer open your data; the recovery code still does. Anyone who can log in to this computer as you can then open SellerDesk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the keyring</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a team member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asking the team server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>May do everything, add and remove users too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>May see phones whole (else masked, as 138****5678)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reads every customer and order; changes nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Regions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sees and edits the customers of the regions ticked below; no export, backup or erase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty: SellerDesk makes one and shows it once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the login name, e.g. alice</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WalkPanel</name>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change address…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End the walk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last confirmed %1; due since %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message (copied — paste it into WeChat):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the customer in the editor; saving the change confirms it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That was the last one: every address in the list has been through.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer confirmed the address: stamp it verified (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verified — next</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WaybillExportDialog</name>
        <message>
            <source> (yours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 orders into %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 orders → %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A selected order was deleted meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By preferred courier (物流合作 settings)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV, GBK (what most courier systems read)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV, UTF-8 with BOM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export waybills</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No orders to export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sender yet (set one in Shipping settings)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders in the current view: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders to ship (待发货): %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orders:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected orders: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Template:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These orders go to several couriers; one file per courier: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing waybills: %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waybills</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
