export { NotificationService, type Channel as NotificationChannel, type Notice, type OutboxMessage } from './notification.service';
